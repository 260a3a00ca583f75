from django.urls import path

from catalog.api import views

urlpatterns = [
    path("systems/", views.SystemListView.as_view(), name="system-list"),
    path("search", views.SearchView.as_view(), name="search"),
    path("codes/", views.CodeListView.as_view(), name="code-list"),
    path("crosswalks/", views.CrosswalkListView.as_view(), name="crosswalk-list"),
    path("codes/<str:system>/<str:code>/", views.CodeDetailView.as_view(), name="code-detail"),
]
