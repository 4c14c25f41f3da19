<?php
/**
 * The product templates: the theme's copy first, else the plugin's.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Render;

/**
 * Finds a template file (`{theme}/creators-connect-for-amazon/{name}.php`, else the plugin's
 * `templates/`), remembers what it found for the request, and runs it on filtered data with the
 * view helpers in scope.
 */
final class Templates {

	/**
	 * Template files found in this request for the current theme, by template name.
	 *
	 * @var array<string, string>
	 */
	private array $located = array();

	/**
	 * Builds the finder.
	 *
	 * @param string $templates_dir The plugin's templates folder.
	 */
	public function __construct( private readonly string $templates_dir ) {
	}

	/**
	 * Forgets the files found (the theme changed, or a new request in tests).
	 */
	public function forget(): void {
		$this->located = array();
	}

	/**
	 * Runs a template (the theme's copy first) on filtered data.
	 *
	 * @param string               $template Template name.
	 * @param array<string, mixed> $data     template, items (one array per product), show, field, class_name, heading_level (2–6).
	 * @param View                 $view     View helpers.
	 */
	public function render( string $template, array $data, View $view ): string {
		/**
		 * Filters what a template gets, before it renders.
		 *
		 * @param array<string, mixed> $data     template, items (one array per product), show, field, class_name, heading_level (2–6).
		 * @param string               $template Template name.
		 */
		$data = apply_filters( 'acapi_template_data', $data, $template );
		if ( ! is_array( $data ) ) {
			return '';
		}
		$file = $this->locate( $template );
		if ( '' === $file ) {
			return '';
		}
		ob_start();
		( static function ( string $acapi_file, array $data, View $view ): void {
			include $acapi_file;
		} )( $file, $data, $view );
		return (string) ob_get_clean();
	}

	/**
	 * The template file: `{theme}/creators-connect-for-amazon/{name}.php`, else the plugin's.
	 *
	 * @param string $template Template name.
	 */
	public function locate( string $template ): string {
		if ( isset( $this->located[ $template ] ) ) {
			return $this->located[ $template ];
		}
		$name = str_replace( '_', '-', $template ) . '.php';
		$file = locate_template( array( 'creators-connect-for-amazon/' . $name ) );
		if ( '' === $file ) {
			$file = trailingslashit( $this->templates_dir ) . $name;
			$file = is_readable( $file ) ? $file : '';
		}
		// Two file lookups in the theme per product otherwise (forgotten when the theme changes).
		$this->located[ $template ] = $file;
		return $file;
	}
}
