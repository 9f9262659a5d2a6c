from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def index(request):
    return render(request, "visits/index.html")


@require_safe
def visitor_list(request):
    return render(request, "visits/index.html")


@require_safe
def plan(request):
    return render(request, "visits/index.html")
