import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from partners.models import Expert, Partner, PartnersPage

from .conftest import ExpertFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_editors_manage_partners_and_experts_as_snippets(admin_client, site_tree):
    PartnerFactory(name="Асоціація міст України")
    ExpertFactory(name="Олена Приклад")

    partners = admin_client.get(reverse("wagtailsnippets_partners_partner:list"))
    experts = admin_client.get(reverse("wagtailsnippets_partners_expert:list"))

    assert "Асоціація міст України" in partners.content.decode()
    assert "Олена Приклад" in experts.content.decode()


def test_visitors_cannot_reach_the_snippet_admin(client, site_tree):
    response = client.get(reverse("wagtailsnippets_partners_expert:list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_partner_without_a_name_is_refused(admin_client, site_tree):
    url = reverse("wagtailsnippets_partners_partner:add") + "?locale=uk"

    response = admin_client.post(url, {"name": "", "role": "partner", "sort_order": "0", "url": "not a url"})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "url"}
    assert not Partner.objects.exists()


def test_demo_shows_the_coalition_of_the_plan_in_both_languages(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    counts = Partner.objects.count(), Expert.objects.count(), PartnersPage.objects.count()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert (Partner.objects.count(), Expert.objects.count(), PartnersPage.objects.count()) == counts
    for code in ("uk", "en"):
        locale = Locale.objects.get(language_code=code)
        assert Partner.objects.filter(locale=locale, role=Partner.Role.DONOR).count() == 1
        assert Partner.objects.filter(locale=locale).count() == 7
        names = Expert.objects.filter(locale=locale).values_list("name", flat=True)
        assert all(name.endswith(("(демо)", "(demo)")) for name in names)
    uk = client.get("/uk/about/partners/coalition/").content.decode()
    en = client.get("/en/about/partners/coalition/").content.decode()
    assert "Міста електронного врядування України" in uk
    assert "Міжнародний фонд «Відродження»" in uk
    assert "International Renaissance Foundation" in en
    assert "Petro Kolyshnii" not in en  # the inactive demo expert
    assert 'class="demo-notice' in en
