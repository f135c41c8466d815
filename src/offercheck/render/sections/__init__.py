"""One module per feature of the output, each with one function per format it appears in.

The names are the same in every section: ``text(c, style)`` -> the blocks of the table and markdown formats (the
``Style`` says which), ``offer_json(e)`` / ``year_json(e, i)`` / ``json(c)`` -> members of the JSON contract,
``csv_headers(c)`` / ``csv_cells(c, e, i)`` -> CSV columns, ``html(c)`` -> what the HTML template is given.
Sections read the results (``offercheck.results``, ``offercheck.negotiation.counter``) and compute nothing.
"""
