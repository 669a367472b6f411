{{%AUTOESCAPE context="HTML"}}
{{#HAS_ERRORS}}
<div class="error-summary" role="alert">
<p>This address asks for something the filters do not offer:</p>
<ul>
{{#SELECTS}}{{#INVALID}}<li><a href="#filter-{{NAME}}">{{LABEL}} {{ERROR}}</a></li>{{/INVALID}}{{/SELECTS}}
</ul>
</div>
{{/HAS_ERRORS}}
<form method="get" action="{{ACTION}}" class="stacked filters">
<fieldset>
<legend>{{#SEARCH}}Search releases{{/SEARCH}}{{#LISTING}}Show only releases{{/LISTING}}</legend>
{{#SEARCH}}<p class="field">
<label for="filter-q">Words to look for</label>
<input id="filter-q" type="search" name="q" value="{{Q}}" maxlength="200">
</p>{{/SEARCH}}
<div class="row">
{{#SELECTS}}<p class="field{{#INVALID}} invalid{{/INVALID}}">
<label for="filter-{{NAME}}">{{LABEL}}</label>
{{#INVALID}}<span class="field-error" id="filter-{{NAME}}-error">{{LABEL}} {{ERROR}}</span>{{/INVALID}}
<select id="filter-{{NAME}}" name="{{NAME}}"{{#INVALID}} aria-invalid="true" aria-describedby="filter-{{NAME}}-error"{{/INVALID}}>
<option value="">{{ANY}}</option>
{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTIONS}}</select>
</p>
{{/SELECTS}}
</div>
<p><button type="submit">{{#SEARCH}}Search{{/SEARCH}}{{#LISTING}}Show releases{{/LISTING}}</button></p>
</fieldset>
</form>
{{#CHOSEN}}
<div class="chosen">
<p>Showing only:</p>
<ul>
{{#FILTER}}<li>{{WHAT}}: {{VALUE}} <a href="{{REMOVE_URL}}" aria-label="Remove the filter {{WHAT}}: {{VALUE}}">Remove</a></li>
{{/FILTER}}</ul>
<p><a href="{{CLEAR_URL}}">Remove every filter</a></p>
</div>
{{/CHOSEN}}
