"""Property tests: whatever the input, qa gives a result or an InputError, with spans that hold.

Modest in CI (a few tens of seconds in all); ``QA_PROPERTY_EXAMPLES=2000 pytest tests/property``
searches harder. The examples come from hypothesis's own strategies and from the seeds'
real sentences, cut and spliced.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "qa-property",
    max_examples=int(os.environ.get("QA_PROPERTY_EXAMPLES", "100")),
    deadline=None,  # the first example of a test pays for loading jieba, pint, lxml
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("QA_PROPERTY_EXAMPLES") is None,  # the same examples in every CI run
)
