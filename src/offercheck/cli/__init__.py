"""The command-line interface: thin, parse, call the api, render."""
