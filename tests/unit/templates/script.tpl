{{%AUTOESCAPE context="HTML"}}
<script>var x = "{{J}}";</script>
