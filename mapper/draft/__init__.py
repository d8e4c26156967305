"""Drafting the facts of a new article from its text, for a person to confirm.

``sentences`` splits the text; ``gazetteer`` and ``mentions`` find the entities it names;
``numbers`` reads money, counts and times with their qualifiers; ``rules`` proposes facts from
a trigger lexicon per kind; ``align`` places any proposed quote on the text's own characters;
``model`` asks a language model, when the user has one, and trusts nothing it says;
``writer`` writes the draft YAML; ``drafter`` ties them together. Every drafted entry carries a
``draft:`` block, which ``build`` refuses until a person removes it.
"""
