{{%AUTOESCAPE context="HTML"}}
{{!
  jsonld: schema.org data for the page head (cgi/meta.c). Every value goes through :json_escape:
  the script element's own JavaScript escaping writes \x22 and \x3c, which JSON does not allow,
  while json_escape writes \" \u003C \/, so the block stays valid JSON and no "</script>" in a
  title can end the element (tests/e2e/t_meta.sh tries one).
}}
<script type="application/ld+json">
{{#ARTICLE}}{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{{HEADLINE:json_escape}}",
"description": "{{DESCRIPTION:json_escape}}",
"url": "{{URL:json_escape}}",
"mainEntityOfPage": "{{URL:json_escape}}",
"datePublished": "{{PUBLISHED:json_escape}}",
"dateModified": "{{MODIFIED:json_escape}}",
"inLanguage": "{{LANGUAGE:json_escape}}",
"author": {"@type": "Organization", "name": "{{SITE_NAME:json_escape}}", "url": "{{HOME:json_escape}}"},
"publisher": {"@type": "Organization", "name": "{{SITE_NAME:json_escape}}", "url": "{{HOME:json_escape}}"}
{{#IMAGE}}, "image": {"@type": "ImageObject", "url": "{{URL:json_escape}}", "width": {{WIDTH:J=number}}, "height": {{HEIGHT:J=number}}, "caption": "{{ALT:json_escape}}"}{{/IMAGE}}
{{#ABOUT}}, "about": {"@type": "Event", "name": "{{NAME:json_escape}}", "url": "{{EVENT_URL:json_escape}}",
"startDate": "{{STARTS_ON:json_escape}}", "endDate": "{{ENDS_ON:json_escape}}"}{{/ABOUT}}
}{{/ARTICLE}}
{{#EVENT}}{"@context": "https://schema.org", "@type": "Event",
"name": "{{NAME:json_escape}}",
"url": "{{URL:json_escape}}",
"startDate": "{{STARTS_ON:json_escape}}",
"endDate": "{{ENDS_ON:json_escape}}",
"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
"eventStatus": "https://schema.org/EventScheduled"
{{#SUMMARY}}, "description": "{{TEXT:json_escape}}"{{/SUMMARY}}
{{#LOCATION}}, "location": {"@type": "Place", "name": "{{PLACE_NAME:json_escape}}",
"address": {"@type": "PostalAddress"{{#LOCALITY}}, "addressLocality": "{{CITY:json_escape}}"{{/LOCALITY}}{{#COUNTRY}}, "addressCountry": "{{CODE:json_escape}}"{{/COUNTRY}}}}{{/LOCATION}}
{{#ROLE}}, "{{PROPERTY:json_escape}}": [{{#ORG}}{"@type": "Organization", "name": "{{NAME:json_escape}}", "url": "{{URL:json_escape}}"}{{#ORG_separator}}, {{/ORG_separator}}{{/ORG}}]{{/ROLE}}
}{{/EVENT}}
{{#ORGANIZATION}}{"@context": "https://schema.org", "@type": "Organization",
"name": "{{NAME:json_escape}}",
"url": "{{URL:json_escape}}",
"description": "{{DESCRIPTION:json_escape}}"
{{#ALTERNATE}}, "alternateName": "{{SHORT_NAME:json_escape}}"{{/ALTERNATE}}
{{#WEBSITE}}, "sameAs": "{{ADDRESS:json_escape}}"{{/WEBSITE}}
{{#COUNTRY}}, "address": {"@type": "PostalAddress", "addressCountry": "{{CODE:json_escape}}"}{{/COUNTRY}}
}{{/ORGANIZATION}}
</script>
