"""Drafting the facts of a new article from its text, for a person to confirm.

Its folders, in the order the text flows through them (each imports only those before it):

* ``text/``: the article's sentences (``sentences.py``), the money, counts and times they word
  (``numbers.py``), and a proposed quote placed on the text's own characters (``align.py``).
* ``names/``: the entities it names: by the gazetteer (``gazetteer.py``), by title
  (``people.py``), by the shape of the name (``shapes.py``, ``places.py``, ``groups.py``),
  unnamed speakers (``unnamed.py``), all gathered by ``mentions.py``; and the ids other facts
  files of the archive declare (``archive.py``).
* ``rules/``: facts proposed by rule (``propose.py``): a trigger word of a kind
  (``lexicon.py``), the entities around it for its roles (``context.py``, ``actors.py``,
  ``details.py``), and one module per family of kinds (``deals.py``, ``relations.py``,
  ``posts.py``, ``speech.py`` with ``speakers.py``, ``assessments.py``).
* ``make/``: ``defrel draft`` (``drafter.py``), offline by rule or with a language model the
  user runs (``model.py``, which trusts nothing it is told), written as a facts file
  (``writer.py``) whose every entry carries a ``draft:`` block, refused by ``build`` until a
  person removes it.
* ``review/``: ``defrel review``, the page a person confirms a draft by (``page.py``), and
  ``--serve`` (``serve.py``).
"""
