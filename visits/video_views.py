from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def index(request):
    return render(request, "visits/video/index.html")


@require_safe
def plan(request):
    return render(request, "visits/video/index.html")
