"""related layer."""
