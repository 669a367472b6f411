{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#URL}}<url><loc>{{LOC}}</loc>{{#LASTMOD}}<lastmod>{{AT}}</lastmod>{{/LASTMOD}}</url>
{{/URL}}</urlset>
