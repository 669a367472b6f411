{{%AUTOESCAPE context="XML"}}
User-agent: *
Disallow: /admin
Disallow: /preview
Allow: /

Sitemap: {{SITEMAP_URL}}
