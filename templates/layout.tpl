{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} | {{SITE_NAME}}</title>
{{#META}}<meta name="description" content="{{DESCRIPTION}}">
<link rel="canonical" href="{{CANONICAL}}">
<meta property="og:title" content="{{TITLE}}">
<meta property="og:description" content="{{DESCRIPTION}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:url" content="{{CANONICAL}}">
<meta property="og:site_name" content="{{SITE_NAME}}">
{{/META}}
{{#OG_IMAGE}}<meta property="og:image" content="{{URL}}">
<meta property="og:image:alt" content="{{ALT}}">
<meta property="og:image:width" content="{{WIDTH}}">
<meta property="og:image:height" content="{{HEIGHT}}">
<meta name="twitter:card" content="summary_large_image">
{{/OG_IMAGE}}
{{#ALTERNATES}}<link rel="alternate" hreflang="{{HREFLANG}}" href="{{URL}}">
{{/ALTERNATES}}{{>JSONLD}}
<link rel="stylesheet" href="/static/style.css?v={{STATIC_VERSION}}">
<link rel="alternate" type="application/atom+xml" title="{{SITE_NAME}}: press releases" href="/feed.atom">
{{#FEED}}<link rel="alternate" type="application/atom+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">{{/FEED}}
{{#SIGNED_IN}}<script src="/static/waiting.js?v={{STATIC_VERSION}}" defer></script>{{/SIGNED_IN}}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="/">{{SITE_NAME}}<span class="brand-sub">Press releases</span></a>
<nav aria-label="Site">
<ul>
<li><a href="/">News</a></li>
<li><a href="/events">Events</a></li>
<li><a href="/organisations">Organisations</a></li>
{{#SIGNED_IN}}
<li><a href="/admin">Dashboard <span class="badge" data-waiting hidden>0</span></a></li>
<li><a href="/admin/releases/new">New release</a></li>
{{#ADMIN}}<li><a href="/admin/users">Accounts</a></li>
<li><a href="/admin/audit">Audit log</a></li>{{/ADMIN}}
<li><a href="/admin/account">Your account</a></li>
<li><form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Log out ({{USER_NAME}})</button></form></li>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}
<li><a href="/login">Staff login</a></li>
{{/SIGNED_OUT}}
</ul>
</nav>
<form class="site-search" role="search" method="get" action="/search">
<label for="site-search-q">Search releases</label>
<input id="site-search-q" type="search" name="q" maxlength="200">
<button type="submit">Search</button>
</form>
</div>
</header>
<main id="main" class="wrap">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{CONTACT}}</p>
<p>Published by the {{SITE_NAME}}.</p>
</div>
</footer>
</body>
</html>
