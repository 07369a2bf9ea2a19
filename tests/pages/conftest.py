import pytest

from tests.factories import hidden_news


@pytest.fixture
def make_hidden():
    """Build one item in each state the public must never see, with the given taxonomy."""
    return hidden_news
