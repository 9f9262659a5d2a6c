# The in-person rules and the video rules live in their own modules.
from visits.models.inperson import *  # noqa: F403
from visits.models.video import *  # noqa: F403
