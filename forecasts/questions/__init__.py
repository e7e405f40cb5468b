"""Questions: one event, many claims. A question is what will (or will not) happen and how it
resolves; a claim is what one speaker said about it, with its own hedge, window and polarity.

``match`` decides, purely, whether a new claim is about an existing question; ``attach``
wires that decision to the store for new claims.
"""
