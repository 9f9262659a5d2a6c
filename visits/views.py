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


@require_safe
def video_index(request):
    return render(request, "visits/video.html")


@require_safe
def video_plan(request):
    return render(request, "visits/video.html")
