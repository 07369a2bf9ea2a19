"""gunicorn.conf.py loads and bounds what one request may cost a worker."""

from django.conf import settings
from gunicorn.config import Config


def test_the_gunicorn_config_bounds_requests():
    config = Config()
    namespace = {}
    exec((settings.BASE_DIR / "gunicorn.conf.py").read_text(), namespace)
    for name in ("limit_request_line", "limit_request_fields", "limit_request_field_size",
                 "timeout", "workers", "bind"):
        config.set(name, namespace[name])

    assert 0 < config.limit_request_line <= 8190
    assert 0 < config.limit_request_fields <= 100
    assert 0 < config.limit_request_field_size <= 8190
    assert config.timeout <= 60
