from wagtail import hooks


@hooks.register("loa_load_demo", order=5)
def load_demo(home) -> None:
    from .demo import load_operator_demo

    load_operator_demo(home)
