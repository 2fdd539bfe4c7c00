"""The Textual app. Imported only by the commands that open it, so scripts never pay for Textual."""
