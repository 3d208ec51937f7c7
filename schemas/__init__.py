"""The dataset's metadata: every column once, the tables, the code lists.

Everything else that describes a table (pandera schemas, Arrow types,
datapackage.json, DATA_DICTIONARY.md) is generated from here by `build`.
"""
