import pytest

from tests.factories import SuperuserFactory

# The address the test client's requests come from (REMOTE_ADDR, no proxy in front).
CLIENT_IP = "203.0.113.7"


@pytest.fixture
def superuser():
    return SuperuserFactory()


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    client.defaults["REMOTE_ADDR"] = CLIENT_IP
    return client
