from django.shortcuts import get_object_or_404, render

from news.models import NewsItem


def home(request):
    latest = NewsItem.objects.published().select_related("lead_structure")[:10]
    return render(request, "news/home.html", {"latest": latest})


def detail(request, slug):
    item = get_object_or_404(NewsItem.objects.published(), slug=slug)
    return render(request, "news/detail.html", {"item": item})
