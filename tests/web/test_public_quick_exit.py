"""Quick exit in a real browser: one click or Escape three times leaves for a neutral site and wipes the tab."""

import pytest

NEUTRAL = "https://www.bbc.co.uk/weather"


@pytest.fixture
def exiting(page):
    # The neutral site answers locally, so the test needs no internet.
    page.route(
        "https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html")
    )
    page.goto("/status")
    page.evaluate("sessionStorage.setItem('sender', 'abc'); sessionStorage.setItem('conversation', 'hello')")
    return page


def assert_left_and_wiped(page, base_url):
    page.wait_for_url(NEUTRAL)
    assert page.title() == "Weather"
    page.goto(f"{base_url}/status")
    assert page.evaluate("sessionStorage.length") == 0


def test_one_click_leaves_for_a_neutral_site_and_clears_the_tab(exiting, live_server):
    exiting.get_by_role("link", name="Exit this page").click()
    assert_left_and_wiped(exiting, live_server)


def test_escape_three_times_leaves_too(exiting, live_server):
    for _ in range(3):
        exiting.keyboard.press("Escape")
    assert_left_and_wiped(exiting, live_server)


def test_escape_twice_stays(exiting):
    exiting.keyboard.press("Escape")
    exiting.keyboard.press("Escape")
    exiting.wait_for_timeout(300)
    assert exiting.url.endswith("/status")
    assert exiting.evaluate("sessionStorage.getItem('sender')") == "abc"


def test_replace_means_back_does_not_return(exiting):
    exiting.get_by_role("link", name="Exit this page").click()
    exiting.wait_for_url(NEUTRAL)
    exiting.go_back()
    assert "/status" not in exiting.url
