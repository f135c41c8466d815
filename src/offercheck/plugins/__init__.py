"""The plugin machinery: ``specs`` (the hooks plugins implement, and the markers), ``manager`` (which plugins are
registered: built-ins, installed entry points, ``--plugins-dir``, ``--without``) and ``calls`` (calling them: typed
callers, pluggy's order, isolation, ``OFFERCHECK_TRACE_PLUGINS=1``). Plugin authors import from ``offercheck``."""
