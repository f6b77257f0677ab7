"""The action server: a thin client of the API that turns its answers into messages.

No threshold logic lives here: levels, urgency, routes and questions all come from the API.
"""
