app_name = "matchmaking"

urlpatterns = []
