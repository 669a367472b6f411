-- mixed.lua: the soak's load for wrk: public GETs from a list of paths, and every SAVE_EVERY-th
-- request a logged-in save of a new draft. Each thread counts its answers: 2xx, 303 (the normal
-- answer to a save, and only to one: every listed path answers 200) and anything else.
-- Environment: SOAK_PATHS (file, a path a line), SOAK_COOKIE, SOAK_CSRF, SOAK_SAVE_EVERY.
local threads = {}
local next_id = 1

function setup(thread)
   thread:set("tid", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

local paths, n = {}, 0
-- globals, so that done() can read them with thread:get
ok2xx, see_other, other = 0, 0, 0
local cookie, csrf, every

function init(args)
   for line in io.lines(os.getenv("SOAK_PATHS")) do
      paths[#paths + 1] = line
   end
   cookie = os.getenv("SOAK_COOKIE")
   csrf = os.getenv("SOAK_CSRF")
   every = tonumber(os.getenv("SOAK_SAVE_EVERY") or "20")
   -- threads start at different points of the list, so the pages are spread across the run
   n = (tid or 0) * 7919
end

function request()
   n = n + 1
   if n % every == 0 then
      local body = "csrf=" .. csrf .. "&title=Soak+save+" .. tid .. "-" .. n ..
         "&summary=A+save+made+by+make+soak.&body=Saved+under+load.&event_id=&action=save"
      return wrk.format("POST", "/admin/releases",
         { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
   end
   return wrk.format("GET", paths[n % #paths + 1])
end

function response(status, headers, body)
   if status >= 200 and status < 300 then
      ok2xx = ok2xx + 1
   elseif status == 303 then
      see_other = see_other + 1
   else
      other = other + 1
   end
end

function done(summary, latency, requests)
   local a, b, c = 0, 0, 0
   for _, t in ipairs(threads) do
      a = a + t:get("ok2xx")
      b = b + t:get("see_other")
      c = c + t:get("other")
   end
   io.write(string.format("soak-counts ok2xx=%d saves303=%d other=%d\n", a, b, c))
end
