import pytest

from tests.factories import SuperuserFactory


@pytest.fixture
def superuser():
    return SuperuserFactory()


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client
