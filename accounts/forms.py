from django import forms


class CredentialsForm(forms.Form):
    email = forms.EmailField(max_length=254)
    password = forms.CharField(widget=forms.PasswordInput, max_length=256, strip=False)


class ApiKeyForm(forms.Form):
    name = forms.CharField(max_length=100, label="Key name")
