import pytest

from tests.factories import SuperuserFactory


@pytest.fixture
def superuser_client(client):
    client.force_login(SuperuserFactory())
    return client
