"""The formats of ``offercheck negotiate``, one module each: text, markdown, json, email, html."""
