"""eventscope: news articles to coded, geolocated, deduplicated political and conflict events."""
