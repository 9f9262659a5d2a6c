from visits.urls_inperson import urlpatterns as inperson_patterns
from visits.urls_video import urlpatterns as video_patterns

app_name = "visits"

urlpatterns = [*inperson_patterns, *video_patterns]
