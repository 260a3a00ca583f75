"""Settings package: ``base`` (shared), ``dev`` (the embedded default), ``test``, ``production``.

Everything that differs between deployments comes from the environment (see ``base.env``).
"""
