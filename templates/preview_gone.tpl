{{%AUTOESCAPE context="HTML"}}
<h1>This preview link no longer works</h1>
<p>The link {{WHY}}. Previews are shared for a limited time; ask the person who sent it to you for a new one.</p>
<p><a href="/">Go to the latest news</a></p>
<p class="status">HTTP status 410</p>
