from loa.participation.tests.fixtures import *  # noqa: F403
