"""The form-based editor at ``/admin/`` (Decap CMS): its config, made from the models, and its files."""
