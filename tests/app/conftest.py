"""App tests use the shared fixtures in tests/app_fixtures.py (the fixture library, `drive`, `screen_text`)."""
