"""Example releases bundled with the package."""
