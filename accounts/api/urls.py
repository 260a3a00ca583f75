from django.urls import path

from accounts.api import views

urlpatterns = [
    path("auth/csrf", views.CsrfView.as_view(), name="auth-csrf"),
    path("auth/signup", views.SignUpView.as_view(), name="auth-signup"),
    path("auth/login", views.SignInView.as_view(), name="auth-login"),
    path("auth/logout", views.SignOutView.as_view(), name="auth-logout"),
    path("auth/password", views.PasswordChangeView.as_view(), name="auth-password"),
    path("me", views.MeView.as_view(), name="me"),
    path("me/api-keys", views.ApiKeyListView.as_view(), name="api-key-list"),
    path("me/api-keys/<int:key_id>", views.ApiKeyDetailView.as_view(), name="api-key-detail"),
]
