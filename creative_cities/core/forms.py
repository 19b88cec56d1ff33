"""Forms shared by the apps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .uploads import DocumentUploadField, ImageUploadField


class FileUploadForm(forms.Form):
    """One file to add to a page, an image or a PDF, with its title (read aloud in place of an image).

    Both files are cleaned by ``core.uploads`` as the form validates: an image is
    re-encoded without its metadata, a PDF rewritten without what could run.
    """

    image = ImageUploadField(label=_("Image (JPEG, PNG, WebP or GIF)"), required=False, max_edge=1600)
    document = DocumentUploadField(label=_("Or a PDF document"), required=False)
    title = forms.CharField(
        label=_("Title, or what the image shows"),
        max_length=250,
        help_text=_("Read aloud to people who cannot see the image."),
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and bool(cleaned.get("image")) == bool(cleaned.get("document")):
            raise forms.ValidationError(_("Send one file: an image or a PDF."))
        return cleaned
