"""REST endpoints of the text tools, under /api/v1/tools/."""

urlpatterns: list = []
