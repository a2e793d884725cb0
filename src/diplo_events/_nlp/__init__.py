"""The parser backend: the only part of the package that imports stanza or torch.

``store`` finds, verifies and loads a model (the bundled one, or stanza's
official ones); ``driver`` runs it over many paragraphs at once and returns
parse views (``_tokens``); ``convert`` builds the views from stanza's
documents; ``tagger`` is the bundled perceptron tagger; ``speedups`` holds
the replacements for pieces of stanza's inference that give the same
outputs faster. Another parser would be another module with the same
``parse`` method (``_tokens.ParserBackend``).
"""
