// view: the only C++ in pressroom, a small C API over ctemplate 2.4.
#include <cstdlib>
#include <cstring>
#include <string>

#include <ctemplate/template.h>

#include "view.h"

// The C handle is the ctemplate dictionary itself; nothing else is kept.
static ctemplate::TemplateDictionary *
cast(view_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

static view_dict *
handle(ctemplate::TemplateDictionary *d)
{
	return reinterpret_cast<view_dict *>(d);
}

static const char *
nonnull(const char *s)
{
	return s ? s : "";
}

extern "C" void
view_init(const char *templates_dir)
{
	ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(templates_dir);
}

extern "C" void
view_shutdown(void)
{
	ctemplate::mutable_default_template_cache()->ClearCache();
}

extern "C" view_dict *
view_dict_new(const char *name)
{
	return handle(new ctemplate::TemplateDictionary(nonnull(name)));
}

extern "C" void
view_dict_free(view_dict *d)
{
	delete cast(d);
}

extern "C" void
view_set(view_dict *d, const char *key, const char *value)
{
	cast(d)->SetValue(key, nonnull(value));
}

extern "C" void
view_set_int(view_dict *d, const char *key, long value)
{
	cast(d)->SetIntValue(key, value);
}

extern "C" void
view_set_global(view_dict *d, const char *key, const char *value)
{
	cast(d)->SetTemplateGlobalValue(key, nonnull(value));
}

extern "C" void
view_show(view_dict *d, const char *section)
{
	cast(d)->ShowSection(section);
}

extern "C" view_dict *
view_add_section(view_dict *d, const char *section)
{
	return handle(cast(d)->AddSectionDictionary(section));
}

extern "C" view_dict *
view_add_include(view_dict *d, const char *name, const char *filename)
{
	ctemplate::TemplateDictionary *inc = cast(d)->AddIncludeDictionary(name);
	inc->SetFilename(filename);
	return handle(inc);
}

extern "C" char *
view_expand(const char *filename, view_dict *d, size_t *len)
{
	std::string out;
	bool ok;
	try {
		ok = ctemplate::ExpandTemplate(filename, ctemplate::STRIP_BLANK_LINES, cast(d), &out);
	} catch (...) {
		ok = false;
	}
	if (!ok)
		return NULL;
	char *s = static_cast<char *>(std::malloc(out.size() + 1));
	if (s == NULL)
		return NULL;
	std::memcpy(s, out.data(), out.size());
	s[out.size()] = '\0';
	if (len)
		*len = out.size();
	return s;
}
