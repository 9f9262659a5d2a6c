"""Video visiting rules: provider, prices, blocks, lead times, conduct."""
