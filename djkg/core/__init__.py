"""core/ — what every room shares and nothing else: settings (``config``) and the typed answer (``contract``)."""
