{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en" xml:base="{{BASE_URL}}">
<id>{{SELF_URL}}</id>
<title>{{TITLE}}</title>
<updated>{{UPDATED}}</updated>
<link rel="self" type="application/atom+xml" href="{{SELF_URL}}"/>
<link rel="alternate" type="text/html" href="{{HTML_URL}}"/>
<author><name>{{SITE_NAME}}</name><uri>{{BASE_URL}}</uri></author>
<generator>pressroom</generator>
{{#ENTRY}}<entry xml:lang="{{LANG}}">
<id>{{ID}}</id>
<title>{{TITLE}}</title>
<link rel="alternate" type="text/html" href="{{URL}}"/>
{{#IMAGE}}<link rel="enclosure" type="image/jpeg" href="{{URL}}" title="{{ALT}}"/>
<media:content url="{{URL}}" medium="image" type="image/jpeg" width="{{WIDTH}}" height="{{HEIGHT}}"><media:description>{{ALT}}</media:description></media:content>
<media:thumbnail url="{{URL}}" width="{{WIDTH}}" height="{{HEIGHT}}"/>
{{/IMAGE}}{{#DOCUMENT}}<link rel="enclosure" type="{{TYPE}}" length="{{BYTES}}" href="{{URL}}" title="{{TITLE}}"/>
{{/DOCUMENT}}<published>{{PUBLISHED}}</published>
<updated>{{UPDATED}}</updated>
<author><name>{{SITE_NAME}}</name></author>
{{#CATEGORY}}<category term="{{TERM}}" scheme="{{SCHEME}}"/>
{{/CATEGORY}}<summary>{{SUMMARY}}</summary>
<content type="html">{{CONTENT}}</content>
</entry>
{{/ENTRY}}</feed>
