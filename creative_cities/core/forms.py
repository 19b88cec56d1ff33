"""Forms shared by the apps."""

from django import forms
from django.forms.renderers import TemplatesSetting
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


class PlatformFormRenderer(TemplatesSetting):
    """Every form of the platform, and each field rendered alone, through the shared components.

    ``{{ form }}``, ``{{ form.as_div }}`` (templates/django/forms/div.html points to the same
    template) and ``{{ form.field.as_field_group }}`` all give one column of fields, each with
    its label above, then its hint, its error and the input (templates/components/form.html and
    form_field.html). Set as FORM_RENDERER; TemplatesSetting finds templates as pages do, so the
    project's templates come first.
    """

    form_template_name = "components/form.html"
    field_template_name = "components/form_field.html"
