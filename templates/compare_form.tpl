{{%AUTOESCAPE context="HTML"}}
<form method="get" action="/admin/releases/{{ID}}/diff" class="stacked compare">
<fieldset>
<legend>Compare two versions</legend>
<div class="row">
<p class="field">
<label for="from">From version</label>
<select id="from" name="from">
{{#FROM_OPTIONS}}<option value="{{VERSION}}"{{#SELECTED}} selected{{/SELECTED}}>{{VERSION}}</option>
{{/FROM_OPTIONS}}
</select>
</p>
<p class="field">
<label for="to">To version</label>
<select id="to" name="to">
{{#TO_OPTIONS}}<option value="{{VERSION}}"{{#SELECTED}} selected{{/SELECTED}}>{{VERSION}}</option>
{{/TO_OPTIONS}}
</select>
</p>
</div>
<p class="actions"><button type="submit">Show the changes</button></p>
</fieldset>
</form>
