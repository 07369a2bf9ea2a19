"""The production settings, with static files collected into the benchmark's own folder.

Debug off needs the manifest of collected static files; the benchmark collects them into a
temporary folder rather than the checkout's STATIC_ROOT. Nothing else differs.
"""

import os

from osce_cms.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCHMARK_STATIC_ROOT"]
